// The presenters put interface words through src/present/i18n (issue 20): outside the browser, which loads the
// device's language at start-up, the tests read them in English, the default, as they always have.
import { loadLanguage } from '../../src/present/i18n/i18n.ts';

await loadLanguage('en');
