// The message catalogue and the interface languages: import from here.
export {
  t,
  msg,
  listMessage,
  plain,
  CATALOGUE,
  type MessageKey,
  type MessageParams,
  type ParamArgs,
  type ParamValue,
  type PlainKey,
} from './catalogue';
export { type Language, LANGUAGES, isLanguage, otherLanguage } from './language';
