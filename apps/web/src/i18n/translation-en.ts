import alerts from './alerts.en.json';
import duty from './duty.en.json';
import en from './en.json';
import incidents from './incidents.en.json';
import inventory from './inventory.en.json';
import work from './work.en.json';

/** Feature files merged under their own top-level key, so parallel work does not edit the same file. */
export const TRANSLATION = { ...en, inventory, work, duty, alerts, incidents };
