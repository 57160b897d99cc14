import { useEffect, useState } from 'preact/hooks';
import { type Notice, notices } from './notices';
import { ProblemText } from './Problem';

/** The page's live region: screen readers announce what is added to it. */
export function NoticeArea() {
  const [shown, setShown] = useState<Notice[]>([]);
  useEffect(() => notices.subscribe(setShown), []);
  return (
    <div class="notices" aria-live="polite">
      {shown.map((notice) => (
        <div key={notice.id} class={`notice ${notice.kind}`} role={notice.kind === 'problem' ? 'alert' : 'status'}>
          {notice.problem ? <ProblemText problem={notice.problem} /> : notice.text}
          <button type="button" class="dismiss" aria-label="Dismiss" onClick={() => notices.dismiss(notice.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
