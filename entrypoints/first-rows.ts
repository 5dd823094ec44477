import { startReadingFirstRows } from '@/lib/library/first-rows';

// The popup's first script (popup/index.html): reads the library's newest papers while the browser
// loads the popup's own code. Small on purpose: it must arrive before that code.
export default defineUnlistedScript(() => startReadingFirstRows());
