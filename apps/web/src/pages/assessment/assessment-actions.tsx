import { ExportOutlined, PrinterOutlined } from "@ant-design/icons";
import { Button, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** Which steps the user may take now; the server decides again on each. */
export interface AllowedActions {
  /** Save and submit: an assessor's draft or returned assessment. */
  readonly edit: boolean;
  /** Approve and return: a reviewer's view of a submitted assessment. */
  readonly review: boolean;
  /** Four-eyes: the reviewer submitted it and may not approve it. */
  readonly ownSubmission: boolean;
}

/** The form's buttons: save, submit, approve, return, export and print. */
export function AssessmentActions({
  allowed,
  canSave,
  canSubmit,
  busy,
  printHref,
  onSave,
  onSubmit,
  onApprove,
  onReturn,
  onExport,
}: {
  allowed: AllowedActions;
  canSave: boolean;
  canSubmit: boolean;
  busy: { readonly saving: boolean; readonly submitting: boolean; readonly approving: boolean };
  printHref: string;
  onSave: () => void;
  onSubmit: () => void;
  onApprove: () => void;
  onReturn: () => void;
  onExport: () => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <Space wrap style={{ marginBottom: 16 }} className="no-print">
      {allowed.edit && (
        <Button type="primary" onClick={onSave} loading={busy.saving} disabled={!canSave}>
          {t("assessment.save")}
        </Button>
      )}
      {allowed.edit && (
        <Button onClick={onSubmit} loading={busy.submitting} disabled={!canSubmit}>
          {t("assessment.submit")}
        </Button>
      )}
      {allowed.review && (
        <>
          {allowed.ownSubmission ? (
            <Typography.Text type="secondary" data-testid="four-eyes">
              {t("assessment.fourEyes")}
            </Typography.Text>
          ) : (
            <Button type="primary" onClick={onApprove} loading={busy.approving}>
              {t("assessment.approve")}
            </Button>
          )}
          <Button danger onClick={onReturn}>
            {t("assessment.return")}
          </Button>
        </>
      )}
      <Button icon={<ExportOutlined />} onClick={onExport}>
        {t("assessment.export")}
      </Button>
      <Link to={printHref} target="_blank">
        <Button icon={<PrinterOutlined />}>{t("assessment.print")}</Button>
      </Link>
    </Space>
  );
}
