// What the importer says about a file: its problems, its warnings and where in the file they are.
export const IMPORT_MESSAGES = {
  'io.problem': { zh: '{where}：{message}', en: '{where}: {message}' },
  'io.where.file': { zh: '文件', en: 'file' },
  'io.where.feature': { zh: '第 {n} 个要素', en: 'feature {n}' },
  'io.where.line': { zh: '第 {n} 行', en: 'line {n}' },
} as const;
