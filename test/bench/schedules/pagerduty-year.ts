const DAY = 24 * 3600_000;
const PEOPLE = ['Jane Doe', 'Ravi Kumar', 'Ana Lima', 'Tom Berg', 'Maria Garcia', 'Lee Chen'];
const LAYERS = ['Primary', 'Secondary', 'Manager'];

/** A year of daily handoffs in three layers, the way PagerDuty's feed writes them: one VEVENT per shift, UTC. */
export const YEAR_START = Date.parse('2026-01-01T16:00:00Z');
/** The year's end. */
export const YEAR_END = YEAR_START + 365 * DAY;

function stamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The feed's text and the same shifts as JSON of about the same size (the floor's input). */
export function pagerDutyYear(): { ics: string; json: string; shifts: number } {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//PagerDuty//On-Call Schedule//EN'];
  const records: Record<string, string>[] = [];
  for (let day = 0; day < 365; day++) {
    LAYERS.forEach((layer, index) => {
      const person = PEOPLE[(day + index * 2) % PEOPLE.length] ?? '';
      const start = stamp(YEAR_START + day * DAY);
      const end = stamp(YEAR_START + (day + 1) * DAY);
      const record = {
        uid: `Q${day}X${index}-P7ZVR1U-${start}@pagerduty.com`,
        summary: `On Call - ${person} - Platform - ${layer}`,
        attendee: `${person.toLowerCase().replace(' ', '.')}@example.com`,
        start,
        end,
        url: 'https://acme.pagerduty.com/schedules#P7ZVR1U',
      };
      records.push({ ...record, stamp: '20260101T000000Z' });
      lines.push(
        'BEGIN:VEVENT',
        `UID:${record.uid}`,
        'DTSTAMP:20260101T000000Z',
        `DTSTART:${start}`,
        `DTEND:${end}`,
        `SUMMARY:${record.summary}`,
        `ATTENDEE:${record.attendee}`,
        `URL:${record.url}`,
        'END:VEVENT',
      );
    });
  }
  lines.push('END:VCALENDAR', '');
  return { ics: lines.join('\r\n'), json: JSON.stringify(records), shifts: records.length };
}
