import { memo, useMemo, useState } from 'react';
import { useConfirm } from '../../components/ConfirmDialog';
import { run } from '../../services/api';
import { chunkText, classifyUrl, describeLength, showControlCharacters, splitLinks, truncateForDisplay } from './safeText';

/** A link from a chat: looks like a link, opens only after a confirmation that shows the whole address. */
export function ChatLink({ url, label }: { url: string; label?: string }) {
  const [dialog, confirm] = useConfirm();
  const open = async () => {
    const ok = await confirm({
      title: 'Open this link?',
      message: (
        <>
          <p>It opens in your web browser. Check the full address before you go on:</p>
          <p className="confirm-url">
            <code dir="ltr">{url}</code>
          </p>
        </>
      ),
      confirmLabel: 'Open link',
      confirmTitle: `Open ${url} in your web browser`,
    });
    if (ok) await run('link:open', { url });
  };
  return (
    <>
      <button type="button" className="dg-link" title={`Open ${url} (asks first)`} onClick={() => void open()}>
        {label ?? url}
      </button>
      {dialog}
    </>
  );
}

/** Text with control characters made visible and http(s)/mailto links as ChatLinks; everything else is a text node. */
export const LinkifiedText = memo(function LinkifiedText({ text }: { text: string }) {
  const segments = useMemo(() => splitLinks(showControlCharacters(text)), [text]);
  return (
    <>
      {segments.map((s, i) => (s.kind === 'text' ? <span key={i}>{s.text}</span> : <ChatLink key={i} url={s.url} />))}
    </>
  );
});

/** The whole of a long message, in blocks the browser lays out only when they scroll into view. */
function FullText({ text }: { text: string }) {
  const chunks = useMemo(() => chunkText(text), [text]);
  return (
    <div className="full-text" tabIndex={0} role="region" aria-label="Full message">
      {chunks.map((c, i) => (
        <div key={i} className="chunk">
          <LinkifiedText text={c} />
        </div>
      ))}
    </div>
  );
}

/** A chat message body: truncated when long (a 1 MB message must not freeze the screen), RTL-aware. */
export const MessageText = memo(function MessageText({ text }: { text: string }) {
  const [full, setFull] = useState(false);
  const cut = useMemo(() => truncateForDisplay(text), [text]);
  return (
    <div className="message-text" dir="auto">
      {full && cut.truncated ? <FullText text={text} /> : <LinkifiedText text={cut.text} />}
      {cut.truncated ? (
        full ? (
          <p>
            <button type="button" className="dg-link" title="Show only the beginning again" onClick={() => setFull(false)}>
              Show less
            </button>
          </p>
        ) : (
          <p>
            <span className="muted">… ({describeLength(cut.hidden)} more) </span>
            <button type="button" className="dg-link" title="Show the whole message" onClick={() => setFull(true)}>
              Show full message
            </button>
          </p>
        )
      ) : null}
    </div>
  );
});

/** An attachment: a safe link opens after confirmation; any other scheme is shown as plain text, never clickable. */
export function Attachment({ name, url }: { name: string; url: string }) {
  const safeName = showControlCharacters(name);
  if (classifyUrl(url) === 'unsafe') {
    return (
      <span className="attachment attachment-blocked" title="This attachment's address is not a web or mail link, so it cannot be opened.">
        <span className="attachment-label">Attachment</span> <span dir="auto">{safeName}</span> <span className="muted">(link blocked: </span>
        <code dir="ltr">{showControlCharacters(url)}</code>
        <span className="muted">)</span>
      </span>
    );
  }
  return (
    <span className="attachment">
      <span className="attachment-label">Attachment</span> <ChatLink url={url} label={safeName} />
    </span>
  );
}
