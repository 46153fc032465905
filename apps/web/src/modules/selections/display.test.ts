import { CONFLICT_REASONS, nextAction, ROUND_STAGES } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import enUS from '../../i18n/en-US';
import zhCN from '../../i18n/zh-CN';
import { TONE_COLOURS } from '../../shared/status';
import { CONFLICT_REASON_KEYS, ROUND_STAGE_TONES, stageIndex } from './display';

describe('round stages in the console', () => {
  it('have a colour each, a place in the steps and, until published, an action label', () => {
    for (const stage of ROUND_STAGES) {
      expect(TONE_COLOURS[ROUND_STAGE_TONES[stage]]).toBeTruthy();
      const action = nextAction(stage);
      if (action) expect(zhCN.roundActions[action]).toBeTruthy();
    }
    expect(ROUND_STAGE_TONES.published).toBe('done');
    expect(ROUND_STAGES.map(stageIndex)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe('conflict-of-interest reasons', () => {
  it('have words in both languages for every reason the server sends', () => {
    for (const reason of CONFLICT_REASONS) {
      const key = CONFLICT_REASON_KEYS[reason];
      expect(zhCN.selections.conflictShort[key]).toBeTruthy();
      expect(enUS.selections.conflictReasons[key]).toBeTruthy();
    }
  });
});
