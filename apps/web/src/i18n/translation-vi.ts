import alerts from './alerts.vi.json';
import duty from './duty.vi.json';
import incidents from './incidents.vi.json';
import inventory from './inventory.vi.json';
import vi from './vi.json';
import work from './work.vi.json';

/** Feature files merged under their own top-level key, so parallel work does not edit the same file. */
export const TRANSLATION = { ...vi, inventory, work, duty, alerts, incidents };
