import { describe, expect, it } from 'vitest';
import { choiceLookup, splitList } from './choices.js';

describe('choices by code or name', () => {
  const districts = choiceLookup([
    { code: '440106', name: '天河区', aliases: ['天河'] },
    { code: '440112', name: '黄埔区', aliases: ['黄埔'] },
  ]);
  const clusters = choiceLookup([
    { code: 'NEW_DISPLAY', name: '新型显示' },
    { code: 'IC', name: '集成电路' },
    { code: 'X', name: '集成电路' },
  ]);

  it('resolves a code, a name, an alias or "code name"', () => {
    expect(districts.resolve('440106')).toBe('440106');
    expect(districts.resolve(' 黄埔区 ')).toBe('440112');
    expect(districts.resolve('天河')).toBe('440106');
    expect(clusters.resolve('new_display')).toBe('NEW_DISPLAY');
    expect(clusters.resolve('NEW_DISPLAY 新型显示')).toBe('NEW_DISPLAY');
    expect(clusters.resolve('NEW_DISPLAY 集成电路')).toBeNull();
  });

  it('refuses unknown and ambiguous names', () => {
    expect(districts.resolve('浦东新区')).toBeNull();
    expect(clusters.resolve('集成电路')).toBeNull();
    expect(clusters.resolve('IC')).toBe('IC');
  });

  it('splits lists written with Chinese or Latin separators', () => {
    expect(splitList('协同研发设计；远程设备操控;  机器视觉质检\n\n5G+AR、VR远程指导；')).toEqual([
      '协同研发设计',
      '远程设备操控',
      '机器视觉质检',
      '5G+AR、VR远程指导',
    ]);
  });
});
