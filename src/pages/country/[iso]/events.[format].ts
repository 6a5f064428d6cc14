/**
 * /country/<iso>/events.csv|ics|json : a country's events as static downloads (the first
 * LIMITS.exportPart, oldest first; further parts in events-N.*), written at build time with the
 * same pure exporters the main page uses for the filtered view.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { countryExportParts, EXPORT_FORMATS, EXPORT_TYPES, exportBody, type ExportFormat, type ExportPart } from '../../../lib/country-exports.ts';
import { absoluteUrl } from '../../../lib/seo.ts';

export const getStaticPaths = (() =>
  countryExportParts()
    .filter((p) => p.part === 1)
    .flatMap((p) => EXPORT_FORMATS.map((format) => ({ params: { iso: p.iso.toLowerCase(), format }, props: { p, format } })))) satisfies GetStaticPaths;

interface Props {
  p: ExportPart;
  format: ExportFormat;
}

export const GET: APIRoute<Props> = ({ props, site }) =>
  new Response(exportBody(props.p, props.format, absoluteUrl('/', site)), { headers: { 'Content-Type': EXPORT_TYPES[props.format] } });
