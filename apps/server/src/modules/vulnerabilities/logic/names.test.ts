import { describe, expect, it } from 'vitest';
import {
  compareProducts,
  createAliasIndex,
  jaroWinkler,
  normaliseProduct,
  normaliseVendor,
  productSimilarity,
  tokenDice,
  vendorKey,
} from './names.js';

const aliases = createAliasIndex([
  { canonical: 'Siemens', names: ['Siemens AG', '西门子', '西门子（中国）有限公司', 'Siemens Ltd., China'] },
  { canonical: 'Mitsubishi Electric', names: ['三菱电机', 'MELCO'] },
  { canonical: 'Schneider Electric', names: ['施耐德电气', 'Schneider'] },
]);

describe('vendorKey', () => {
  it('strips legal forms in English, German and Chinese', () => {
    expect(vendorKey('Siemens AG')).toBe('siemens');
    expect(vendorKey('Mitsubishi Electric Corporation')).toBe('mitsubishi electric');
    expect(vendorKey('Rockwell Automation, Inc.')).toBe('rockwell automation');
    expect(vendorKey('Huawei Technologies Co., Ltd.')).toBe('huawei technologies');
    expect(vendorKey('Phoenix Contact GmbH & Co. KG')).toBe('phoenix contact');
    expect(vendorKey('Schneider Electric SE')).toBe('schneider electric');
    expect(vendorKey('广州数控设备有限公司')).toBe('广州数控设备');
    expect(vendorKey('浙江中控技术股份有限公司')).toBe('浙江中控技术');
  });

  it('keeps a name that is only a legal word', () => {
    expect(vendorKey('AG')).toBe('ag');
    expect(vendorKey('')).toBe('');
  });
});

describe('normaliseVendor', () => {
  it('resolves aliases, including Chinese names, and says which alias matched', () => {
    expect(normaliseVendor('西门子', aliases)).toEqual({ key: 'siemens', canonical: 'Siemens', via: '西门子' });
    expect(normaliseVendor('Siemens AG', aliases)).toMatchObject({ key: 'siemens', canonical: 'Siemens' });
    expect(normaliseVendor('SIEMENS', aliases)).toMatchObject({ key: 'siemens', canonical: 'Siemens' });
    expect(normaliseVendor('西门子（中国）有限公司', aliases)).toMatchObject({ key: 'siemens' });
    expect(normaliseVendor('三菱电机', aliases)).toMatchObject({ key: 'mitsubishi electric', canonical: 'Mitsubishi Electric' });
    expect(normaliseVendor('Schneider', aliases)).toMatchObject({ key: 'schneider electric' });
  });

  it('falls back to the cleaned name when the table does not know it', () => {
    expect(normaliseVendor('Mobotix AG', aliases)).toEqual({ key: 'mobotix', canonical: 'Mobotix AG' });
    expect(normaliseVendor('Mobotix', [])).toEqual({ key: 'mobotix', canonical: 'Mobotix' });
  });
});

describe('normaliseProduct and productSimilarity', () => {
  it('drops the vendor in front and punctuation', () => {
    expect(normaliseProduct('Siemens SIMATIC S7-1500', 'Siemens AG')).toBe('simatic s7 1500');
    expect(normaliseProduct('Rockwell Automation ThinManager', 'Rockwell Automation, Inc.')).toBe('thinmanager');
  });

  it('scores same products high, different numbers and suffixes low', () => {
    const s = (a: string, b: string) => productSimilarity(normaliseProduct(a), normaliseProduct(b));
    expect(s('SIMATIC S7-1500 CPU 1518-4 PN/DP MFP', 'SIMATIC S7-1500 CPU 1518-4 PN/DP MFP')).toBe(1);
    expect(s('S7-1500', 'S71500')).toBe(0.99);
    expect(s('S7-1500 CPU 1518-4 PN/DP MFP', 'SIMATIC S7-1500 CPU 1518-4 PN/DP MFP')).toBeGreaterThan(0.9);
    expect(s('SIMATIC S7-1500 CPU 1518-4 PN/DP MFP', 'SIMATIC S7-1500 CPU 1516-3 PN/DP')).toBeLessThan(0.85);
    expect(s('M800VW', 'M800VS')).toBeLessThan(0.85);
    expect(s('M800VW', 'M80VW')).toBeLessThan(0.85);
    expect(s('Data Center Expert', 'Data Centre Expert')).toBe(1);
    expect(s('ThinManager', 'FactoryTalk')).toBe(0);
  });

  it('model-like parts decide: conflicting codes are different products, missing codes make a name less specific', () => {
    const c = (a: string, b: string) => compareProducts(normaliseProduct(a), normaliseProduct(b));
    expect(c('P3 D24M', 'P3 D25M')).toEqual({ score: 0.5, codes: 'conflict' });
    expect(c('M800VW', 'M800VS').codes).toBe('conflict');
    expect(c('SIMATIC S7-1500 CPU 1518-4 PN/DP MFP', 'SIMATIC S7-1500 CPU 1518F-4 PN/DP MFP')).toMatchObject({ codes: 'subset' });
    expect(c('SIMATIC S7-1500 CPU 1518-4 PN/DP MFP', 'SIMATIC S7-1500 CPU 1518F-4 PN/DP MFP').score).toBeCloseTo(20 / 21, 5);
    expect(c('SINEMA Remote Connect', 'SINEMA Remote Connect Server')).toEqual({ score: 6 / 7, codes: 'same' });
  });

  it('Jaro-Winkler and Dice agree with hand-computed values', () => {
    // MARTHA / MARHTA: Jaro 0.944, prefix 3 → 0.961 (the textbook example).
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 3);
    expect(jaroWinkler('', 'a')).toBe(0);
    expect(tokenDice(['a', 'b', 'c'], ['a', 'b', 'd'])).toBeCloseTo(2 / 3, 5);
    expect(tokenDice([], ['a'])).toBe(0);
  });
});
