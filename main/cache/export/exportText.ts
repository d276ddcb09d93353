import { channelNames, type SupervisionMode } from '../../../preload/contract';
import { describeAction, describeTarget, resultNames } from '../../core/auditWording';
import type { InteractionDetail } from '../types';

// The export reads like the app, not like its data: channel and action names, verbs for the
// supervision periods, results in words (issue 13 found 6). The reference id stays, last.
const stateWords: Record<string, string> = { pending: 'waiting', alerting: 'ringing', held: 'on hold', consult: 'in consult' };
const modeDone: Record<SupervisionMode, string> = { monitor: 'monitored', coach: 'coached', barge: 'barged into' };

export interface ExportOptions {
  /** IANA zone for printed times, e.g. "Europe/Paris". Defaults to the system zone. */
  timeZone?: string;
  /** When the export was made; printed in the header. */
  now: number;
}

export function formatTime(at: number, timeZone: string | undefined): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/** One section of the export: a title and its lines. Shared by the text and PDF renderers. */
export interface ExportSection {
  title: string;
  lines: string[];
}

export function exportSections(detail: InteractionDetail, options: ExportOptions): ExportSection[] {
  const t = (at: number) => formatTime(at, options.timeZone);
  const i = detail.interaction;
  const agents = i.agents.map((a) => a.name).join(', ') || '—';
  const channel = channelNames[i.channel];
  const targets = {
    interaction: undefined,
    agentName: (id: string) => i.agents.find((a) => a.id === id)?.name,
    queueName: (id: string) => (id === i.queueId ? (i.queueName ?? undefined) : undefined),
  };
  const sections: ExportSection[] = [
    {
      title: `${channel} with ${i.customerName ?? 'an unknown customer'}`,
      lines: [
        `Channel: ${channel}`,
        `Queue: ${i.queueName ?? i.queueId ?? '—'}`,
        `Agents: ${agents}`,
        `Customer: ${i.customerName ?? '—'}`,
        `State: ${stateWords[i.state] ?? i.state}`,
        `Started: ${t(i.startedAt)}`,
        `Ended: ${i.endedAt === null ? '—' : t(i.endedAt)}`,
        `Exported: ${t(options.now)} (from the Spyglass session cache; card numbers and configured patterns are redacted)`,
        `Reference: ${i.id}`,
      ],
    },
    {
      title: 'Participants',
      lines: detail.participants.map((p) => `${p.name} (${p.role})`),
    },
    {
      title: 'Transcript',
      lines: detail.transcript.map(
        (m) => `[${t(m.at)}] ${m.senderName} (${m.senderKind}): ${m.body ?? '[unreadable: encrypted with an older key]'}`,
      ),
    },
    {
      title: 'Timeline',
      lines: detail.timeline.map((e) => `[${t(e.at)}] ${e.text}${e.supervisorName && !e.text.includes(e.supervisorName) ? ` (${e.supervisorName})` : ''}`),
    },
    {
      title: 'Monitoring',
      lines: detail.supervisionPeriods.map(
        (p) =>
          `${p.supervisorName} ${modeDone[p.mode]} ${p.participantName ?? 'the conversation'} from ${t(p.startedAt)} to ${
            p.endedAt == null ? 'the end' : t(p.endedAt)
          }`,
      ),
    },
    {
      title: 'Notes',
      lines: detail.notes.map((n) => `[${t(n.at)}] ${n.authorName}: ${n.text ?? '[unreadable]'}`),
    },
    {
      title: 'Actions',
      lines: detail.audit.map((a) => {
        const to = describeTarget(a.target || undefined, targets);
        const result = resultNames[a.result as keyof typeof resultNames] ?? a.result;
        return `[${t(a.at)}] ${a.actorName}: ${describeAction(a.action, i.channel)}${to ? ` (to ${to})` : ''} — ${result}`;
      }),
    },
  ];
  return sections.filter((s) => s.lines.length > 0 || s.title === 'Transcript');
}

export function exportText(detail: InteractionDetail, options: ExportOptions): string {
  return (
    exportSections(detail, options)
      .map((s) => `${s.title}\n${'='.repeat(s.title.length)}\n${s.lines.join('\n') || '(none)'}`)
      .join('\n\n') + '\n'
  );
}

export function exportFileName(detail: InteractionDetail, extension: 'txt' | 'pdf'): string {
  const safeId = detail.interaction.id.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
  return `spyglass-interaction-${safeId}.${extension}`;
}
