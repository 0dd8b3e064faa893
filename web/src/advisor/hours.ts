/** A weekly window as the API takes it: day name, local HH:mm start and end. */
export interface WeeklyWindow {
  day: string;
  start: string;
  end: string;
}

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Lines such as "monday 09:00-12:00" (or "mon 9:00 - 12:00"); lines that are not windows are ignored, the server checks the rest. */
export function parseHours(text: string): WeeklyWindow[] {
  const windows: WeeklyWindow[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*([a-z]+)\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/i.exec(line);
    const day = m && DAYS.find((d) => d.startsWith(m[1]!.toLowerCase()) && m[1]!.length >= 3);
    if (m && day) windows.push({ day, start: `${m[2]!.padStart(2, '0')}:${m[3]}`, end: `${m[4]!.padStart(2, '0')}:${m[5]}` });
  }
  return windows;
}

export function hoursText(windows: WeeklyWindow[]): string {
  return windows.map((w) => `${w.day} ${w.start}-${w.end}`).join('\n');
}
