// The rules' flag messages: what each rule code says about a community, grid or the plan.
export const FLAG_MESSAGES = {
  'flag.subject.community': { zh: '社区', en: 'Community' },
} as const;
