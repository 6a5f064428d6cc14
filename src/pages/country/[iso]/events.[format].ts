/**
 * /country/<iso>/events.csv|ics|json : a country's events as static downloads, written at
 * build time with the same pure exporters the main page uses for the filtered view.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { countryName, eventsByCountry, loadEventsFile } from '../../../lib/data.ts';
import { toCSV, toICS, toJSON } from '../../../lib/export.ts';
import type { TimelineEvent } from '../../../lib/schema.ts';
import { absoluteUrl } from '../../../lib/seo.ts';

const FORMATS = ['csv', 'ics', 'json'] as const;
type Format = (typeof FORMATS)[number];

const TYPES: Record<Format, string> = {
  csv: 'text/csv; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export const getStaticPaths = (() => {
  const file = loadEventsFile();
  return [...eventsByCountry(file.events)].flatMap(([iso, events]) =>
    FORMATS.map((format) => ({ params: { iso: iso.toLowerCase(), format }, props: { iso, events, format } })),
  );
}) satisfies GetStaticPaths;

interface Props {
  iso: string;
  events: TimelineEvent[];
  format: Format;
}

export const GET: APIRoute<Props> = ({ props, site }) => {
  const { iso, events, format } = props;
  const file = loadEventsFile();
  const body =
    format === 'csv'
      ? toCSV(events)
      : format === 'ics'
        ? toICS(events, { name: `${countryName(iso)}: Diplomatic Timeline`, siteUrl: absoluteUrl('/', site) })
        : toJSON(events, file.documents);
  return new Response(body, { headers: { 'Content-Type': TYPES[format] } });
};
