/**
 * Plan parsing core (pure: no database, no framework). Entry points:
 *   parsePlan(text, { year?, units? })      → title, year, items (+ cleaned/simplified text)
 *   cleanText(raw)                          → cleaned text, simplified form, offset map
 *   extractTargets / extractDeadline / extractOwners / matchUnits
 *   docxToText(buf) / xlsxToRows(buf) + rowsToText(rows) / decodePlanFile(bytes, name, readOffice) (zip bounds, then the reader: lib/platform/office-reader.ts runs it in a capped worker)
 * Output contract: planParseResultSchema (schema.ts).
 */
export { parsePlan, toContract, type ParseOptions, type PlanParseOutput } from './parse';
export { cleanText, toSimplifiedAligned, type CleanResult } from './clean';
export { extractTargets } from './targets';
export { extractDeadline, findDeadline } from './deadlines';
export { extractOwners, matchUnits, splitOwnerList } from './owners';
export { rowsToText } from './table';
export { xlsxToRows } from './xlsx';
export { docxToText } from './docx';
export { decodePlanFile, decodeTextBytes, PlanInputError } from './input';
export * from './schema';
