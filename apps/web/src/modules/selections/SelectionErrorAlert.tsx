import type { Round } from '@suilian/contracts';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { ApiErrorAlert } from '../../shared/errors';
import { localiseRefusal } from './refusals';

interface Props {
  error: unknown;
  /** The round, to name criteria and the kind of subject in the sentences. */
  round?: Pick<Round, 'rubric' | 'subjectType'>;
  style?: React.CSSProperties;
}

/**
 * A refused selection request with the broken rule said in the console's language: the localised
 * sentences become the title, field issues without a selection rule stay listed the usual way. Falls
 * back to the usual alert (with the server's reason) when the console knows none of the rules.
 */
export function SelectionErrorAlert({ error, round, style }: Props) {
  const { t, i18n } = useTranslation();
  const refusal = localiseRefusal(t, error, round, i18n.language);
  const sentences = [...(refusal.title ? [refusal.title] : []), ...refusal.lines];
  if (!(error instanceof ApiError) || sentences.length === 0) return <ApiErrorAlert error={error} showReason style={style} />;
  const rest = new ApiError(error.status, error.code, error.message, error.requestId, { issues: refusal.others });
  return <ApiErrorAlert error={rest} title={sentences.join(i18n.language === 'zh-CN' ? '；' : '; ')} style={style} />;
}
