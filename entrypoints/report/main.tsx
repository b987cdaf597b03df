import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EvidenceReport } from '@/components/Report';
import './style.css';

// report.html: the printable evidence report, opened from the popup's block log with the same
// user and date filter as the exports (`report.html?user=x:jbloggs&from=…&to=…`).
const root = document.getElementById('root');
if (!root) throw new Error('Moderator Assist: the report page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <EvidenceReport search={window.location.search} />
  </StrictMode>,
);
