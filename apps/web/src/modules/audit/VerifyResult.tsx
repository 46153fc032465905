import type { AuditVerification } from '@suilian/contracts';
import { Alert, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../shared/errors';
import type { useVerifyAudit } from './hooks';
import { describeFinding, describeProtection } from './verification';

/** The protection behind the verdict, one line each, as secondary text. */
function Protection({ result }: { result: AuditVerification }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      {describeProtection(t, result).map((line) => (
        <Typography.Text key={line} type="secondary" style={{ fontSize: 12 }}>
          {line}
        </Typography.Text>
      ))}
    </Flex>
  );
}

/** Every finding with its code's label and the console's wording; the server's own text on hover. */
function Findings({ result }: { result: AuditVerification }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      dataSource={result.findings}
      data-testid="audit-findings"
      renderItem={(finding) => {
        const { label, text } = describeFinding(t, finding);
        return (
          <List.Item data-code={finding.code} style={{ paddingInline: 0 }}>
            <Typography.Text title={t('auditVerification.serverMessage', { message: finding.message })}>
              <Tag color="red">{label}</Tag>
              {text}
            </Typography.Text>
          </List.Item>
        );
      }}
    />
  );
}

/** The outcome of "校验哈希链": intact, or each finding (broken link, gap, truncation, re-chaining …). */
export function VerifyResult({ verify }: { verify: ReturnType<typeof useVerifyAudit> }) {
  const { t } = useTranslation();
  if (verify.error) return <ApiErrorAlert error={verify.error} />;
  const result = verify.data;
  if (!result) return null;
  if (result.ok)
    return (
      <Alert
        type="success"
        showIcon
        title={t('audit.verifyOk', { checked: result.checked })}
        description={<Protection result={result} />}
        data-testid="audit-verify-result"
      />
    );
  return (
    <Alert
      type="error"
      showIcon
      data-testid="audit-verify-result"
      title={t('auditVerification.brokenTitle', { count: result.findings.length, checked: result.checked })}
      description={
        <Flex vertical gap={8}>
          <Findings result={result} />
          {result.findings.length >= 100 && (
            <Typography.Text>{t('auditVerification.more', { shown: result.findings.length })}</Typography.Text>
          )}
          <Protection result={result} />
        </Flex>
      }
    />
  );
}
