// The import dialog's first guesses, from the file's name and what inspecting it found: which
// role the file plays and which fields hold the household count and the facility category. A
// guess is only a default the person can change, but a wrong one (a grid file offered as
// communities) is the first thing a new user trips over.
import type { LayerRole } from '../core/model';
import type { FileSummary } from './format';

export interface ImportGuess {
  role: LayerRole;
  householdsField: string | null;
  categoryField: string | null;
}

const HOUSEHOLD_FIELD = /^(households|household|户数|总户数|房屋总数|住户数|hh|count|户)$/i;
const CATEGORY_FIELD = /^(category|类别|类型|设施类别|设施类型|大类|type|kind|poi_type)$/i;
const GRID_NAME = /grid|网格/i;
const FACILITY_NAME = /facilit|(^|[^a-z])pois?([^a-z]|$)|设施|服务|学校|医院|幼儿园/i;
const HOUSEHOLD_NAME = /household|compound|住户|小区|户/i;

/** Base name without folders, for matching words in it. */
function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

export function guessImport(
  fileName: string,
  summary: Pick<FileSummary, 'geometryTypes' | 'fields' | 'numericFields'>,
): ImportGuess {
  const name = baseName(fileName);
  const types = summary.geometryTypes.join(',');
  const householdsField = summary.numericFields.find((f) => HOUSEHOLD_FIELD.test(f.trim())) ?? null;
  // Prefer a real category column over a generic "type"; a numeric column is never a category.
  const categories = summary.fields.filter((f) => CATEGORY_FIELD.test(f.trim()) && !summary.numericFields.includes(f));
  const categoryField = categories.find((f) => !/^(type|kind)$/i.test(f.trim())) ?? categories[0] ?? null;
  let role: LayerRole;
  if (/Polygon/.test(types)) role = GRID_NAME.test(name) ? 'grids' : 'communities';
  else if (/LineString/.test(types)) role = 'roads';
  else if (FACILITY_NAME.test(name) && !HOUSEHOLD_NAME.test(name)) role = 'facilities';
  else if (HOUSEHOLD_NAME.test(name)) role = 'households';
  // Points with a category and no household count are a facility list, not households.
  else role = categoryField && !householdsField ? 'facilities' : 'households';
  return { role, householdsField, categoryField };
}
