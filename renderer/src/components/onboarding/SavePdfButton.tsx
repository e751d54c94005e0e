import { useState } from 'react';
import { api } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../state/session';

/** In the desktop app the page is saved straight to a PDF; a browser has its own print dialog for that. */
export function SavePdfButton({ fileName }: { fileName: string }) {
  const { t } = useI18n();
  const { info } = useSession();
  const [saved, setSaved] = useState<string | null>(null);
  if (!info.capabilities.savePdf) return null;
  const save = async () => {
    const r = await api.savePageAsPdf({ fileName });
    if (r.file) setSaved(r.file);
  };
  return (
    <>
      <button type="button" onClick={save}>{t('cert.savePdf')}</button>
      {saved && <span className="small" role="status">{t('cert.savedPdf', { file: saved })}</span>}
    </>
  );
}
