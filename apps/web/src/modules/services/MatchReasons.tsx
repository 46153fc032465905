import type { MatchContribution } from '@suilian/contracts';
import { Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCodeNames } from '../../shared/codeLists';

/** One contribution as a sentence with its numbers (the server sends codes and numbers only). */
function useReasonText() {
  const { t } = useTranslation();
  const scenarioName = useCodeNames('scenario');
  const industryName = useCodeNames('industry');
  const band = (b: unknown) => (typeof b === 'string' ? t(`priceBands.${b}` as 'priceBands.under_10') : '—');
  return (c: MatchContribution): string => {
    const p = c.params;
    switch (c.factor) {
      case 'text':
        return c.matched.length
          ? t('solutionMatchReasons.text', { terms: c.matched.join('、'), bm25: p.bm25 })
          : t('solutionMatchReasons.textNone');
      case 'scenario':
        return c.points > 0
          ? t('solutionMatchReasons.scenario', { shared: p.shared, wanted: p.wanted, names: c.matched.map(scenarioName).join('、') })
          : t('solutionMatchReasons.scenarioNone');
      case 'industry':
        return c.points > 0
          ? t('solutionMatchReasons.industry', { name: industryName(String(p.industry)) })
          : t('solutionMatchReasons.industryNone');
      case 'budget':
        return p.budgetBand && p.priceBand
          ? t('solutionMatchReasons.budget', { price: band(p.priceBand), budget: band(p.budgetBand) })
          : t('solutionMatchReasons.budgetUnknown');
      case 'timeline':
        return p.wantedWeeks !== null && p.deploymentWeeks !== null
          ? t('solutionMatchReasons.timeline', { deployment: p.deploymentWeeks, wanted: p.wantedWeeks })
          : t('solutionMatchReasons.timelineUnknown');
      case 'district':
        return c.points > 0 ? t('solutionMatchReasons.district') : t('solutionMatchReasons.districtNone');
      case 'references':
        return c.points > 0 ? t('solutionMatchReasons.references', { count: p.count }) : t('solutionMatchReasons.referencesNone');
    }
  };
}

/** The score as a bar and every contribution as a tag (factor, points) whose sentence says why (issue #15 item 3). */
export function MatchReasons({ score, contributions }: { score: number; contributions: MatchContribution[] }) {
  const { t } = useTranslation();
  const text = useReasonText();
  const scoring = contributions.filter((c) => c.points > 0);
  const missing = contributions.filter((c) => c.points === 0);
  return (
    <Flex vertical gap={6} data-testid="match-reasons">
      <Flex align="center" gap={8}>
        <Typography.Text type="secondary">{t('services.score')}</Typography.Text>
        <Progress percent={Math.round(score)} size="small" style={{ width: 160, margin: 0 }} data-testid="match-score" />
      </Flex>
      <Flex vertical gap={2}>
        {scoring.map((c) => (
          <Flex key={c.factor} gap={6} align="baseline" data-testid={`match-reason-${c.factor}`}>
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>
              {t(`matchFactors.${c.factor}`)} {t('solutionMatchReasons.points', { points: c.points })}
            </Tag>
            <Typography.Text style={{ fontSize: 13 }}>{text(c)}</Typography.Text>
          </Flex>
        ))}
      </Flex>
      {missing.length > 0 && (
        <Flex gap={4} wrap>
          {missing.map((c) => (
            <Tooltip key={c.factor} title={text(c)}>
              <Tag style={{ color: 'rgba(0,0,0,0.45)' }}>{t(`matchFactors.${c.factor}`)} 0</Tag>
            </Tooltip>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
