import { describe, expect, it } from 'vitest';
import { guessFormat, importFileProblem, importPercent, inReaderLanguage, isImportActive } from './import-model';

describe('guessFormat', () => {
  it('reads spreadsheets from the extension and agent outputs from name hints', () => {
    expect(guessFormat('tai-san.CSV')).toBe('csv');
    expect(guessFormat('Danh mục.xlsx')).toBe('xlsx');
    expect(guessFormat('osqueryd.results.log')).toBe('osquery');
    expect(guessFormat('wazuh-agents.json')).toBe('wazuh');
    expect(guessFormat('export.json')).toBeNull();
  });
});

describe('importFileProblem', () => {
  it('refuses empty, oversized and unknown files', () => {
    expect(importFileProblem({ name: 'a.csv', size: 0 })).toBe('empty');
    expect(importFileProblem({ name: 'a.csv', size: 300 * 1024 * 1024 })).toBe('size');
    expect(importFileProblem({ name: 'a.docx', size: 10 })).toBe('type');
    expect(importFileProblem({ name: 'a.ndjson', size: 10 })).toBeNull();
  });
});

describe('import progress', () => {
  it('is the share of bytes processed while running, 100 when finished', () => {
    expect(importPercent({ status: 'running', bytesDone: 250, bytesTotal: 1000 })).toBe(25);
    expect(importPercent({ status: 'queued', bytesDone: 0, bytesTotal: 0 })).toBe(0);
    expect(importPercent({ status: 'running', bytesDone: 2000, bytesTotal: 1000 })).toBe(100);
    expect(importPercent({ status: 'refused', bytesDone: 10, bytesTotal: 1000 })).toBe(100);
  });

  it('polls only queued and running imports', () => {
    expect(isImportActive({ status: 'queued' })).toBe(true);
    expect(isImportActive({ status: 'running' })).toBe(true);
    expect(isImportActive({ status: 'done' })).toBe(false);
    expect(isImportActive({ status: 'failed' })).toBe(false);
  });
});

describe('inReaderLanguage', () => {
  const text = { vi: 'Ngày "31/02/2026" không tồn tại', en: 'There is no such date as "31/02/2026"' };
  it('shows the sentence in the page’s language only', () => {
    expect(inReaderLanguage(text, text.vi, 'vi')).toBe(text.vi);
    expect(inReaderLanguage(text, text.vi, 'en')).toBe(text.en);
    expect(inReaderLanguage(text, text.vi, 'en-GB')).toBe(text.en);
  });
  it('falls back to the one message an older server sent', () => {
    expect(inReaderLanguage(null, 'Tệp bị từ chối', 'en')).toBe('Tệp bị từ chối');
    expect(inReaderLanguage(undefined, null, 'vi')).toBeNull();
  });
});
