import type { Asset, System } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import {
  assetFormErrors,
  assetFormToInput,
  assetToForm,
  emptyAssetForm,
  emptySystemForm,
  fromTri,
  ipRangeFormErrors,
  ipRangeFormToInput,
  systemFormErrors,
  systemFormToInput,
  systemToForm,
  toTri,
} from './form-models';

const ORG = { id: '0b7c6a52-5d0e-4a57-9a44-3d8f4a1c2b10', name: 'Trường THCS Trần Can' };

describe('system form', () => {
  it('requires an owner, a name and a category', () => {
    expect(systemFormErrors(emptySystemForm(null))).toEqual({ orgId: 'required', name: 'required', category: 'required' });
    expect(systemFormErrors({ ...emptySystemForm(ORG), name: ' Cổng TTĐT ', category: 'portal' })).toEqual({});
  });

  it('trims text, turns blanks into null and asks subjects only for personal data', () => {
    const input = systemFormToInput({
      ...emptySystemForm(ORG),
      name: '  Cổng thông tin điện tử ',
      category: 'portal',
      userCount: 1200,
      personalDataSubjects: 5000,
      dataKinds: ['public'],
      hosting: 'on_premise',
      hostingProvider: 'VNPT',
    });
    expect(input).toMatchObject({ orgId: ORG.id, name: 'Cổng thông tin điện tử', userCount: 1200, personalDataSubjects: null, hostingProvider: null });
    const personal = systemFormToInput({ ...emptySystemForm(ORG), name: 'x', category: 'other', dataKinds: ['personal_basic'], personalDataSubjects: 5000 });
    expect(personal.personalDataSubjects).toBe(5000);
    expect(systemFormToInput({ ...emptySystemForm(ORG), name: 'x', category: 'other', userCount: '' }).userCount).toBeNull();
  });

  it('reads a saved system back, mapping unknown open values safely', () => {
    const s = {
      orgId: ORG.id,
      orgName: ORG.name,
      operatorOrgId: null,
      operatorOrgName: null,
      name: 'Email',
      purpose: '',
      category: 'email',
      userCount: null,
      userKinds: ['staff', 'aliens'],
      dataKinds: ['internal'],
      personalDataSubjects: null,
      internetFacing: true,
      hosting: 'mars',
      hostingProvider: null,
      notes: '',
    } as unknown as System;
    const f = systemToForm(s);
    expect(f.userKinds).toEqual(['staff']);
    expect(f.hosting).toBe('other');
    expect(f.userCount).toBe('');
    expect(f.org).toEqual(ORG);
  });
});

describe('asset form', () => {
  it('maps yes/no/unknown to true/false/null and back', () => {
    expect([fromTri('yes'), fromTri('no'), fromTri('unknown')]).toEqual([true, false, null]);
    expect([toTri(true), toTri(false), toTri(null)]).toEqual(['yes', 'no', 'unknown']);
  });

  it('dedupes addresses and sends empty dates as null', () => {
    const input = assetFormToInput({ ...emptyAssetForm(ORG), name: 'PC-01', ipAddresses: [' 10.0.0.5', '10.0.0.5', ''], firewallOn: 'no' });
    expect(input).toMatchObject({ ipAddresses: ['10.0.0.5'], firewallOn: false, avLicensed: null, lastPatchOn: null, hostname: null });
    expect(assetFormErrors(emptyAssetForm(null))).toEqual({ orgId: 'required', name: 'required' });
  });

  it('round-trips a saved asset', () => {
    const a = {
      orgId: ORG.id,
      orgName: ORG.name,
      kind: 'server',
      name: 'SRV',
      hostname: 'srv01',
      location: 'Phòng máy',
      ipAddresses: ['10.0.0.1'],
      macAddresses: [],
      osName: 'Ubuntu',
      osVersion: '24.04',
      criticality: 'high',
      avProduct: null,
      avLicensed: true,
      avManaged: null,
      firewallOn: false,
      lastPatchOn: '2026-01-02',
      systemIds: ['s1'],
    } as unknown as Asset;
    expect(assetFormToInput(assetToForm(a))).toMatchObject({
      hostname: 'srv01',
      avLicensed: true,
      avManaged: null,
      firewallOn: false,
      lastPatchOn: '2026-01-02',
      systemIds: ['s1'],
    });
  });
});

describe('IP range form', () => {
  it('requires an org and a range, and nulls empty dates', () => {
    expect(ipRangeFormErrors({ org: null, range: ' ', isp: '', validFrom: '', validTo: '', note: '' })).toEqual({ orgId: 'required', range: 'required' });
    expect(ipRangeFormToInput({ org: ORG, range: ' 203.0.113.0/24 ', isp: 'VNPT', validFrom: '', validTo: '2027-01-01', note: '' })).toEqual({
      orgId: ORG.id,
      range: '203.0.113.0/24',
      isp: 'VNPT',
      validFrom: null,
      validTo: '2027-01-01',
      note: '',
    });
  });
});
