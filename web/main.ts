// The workbench's entry: WebCrypto's digest where the page has no secure context, then the app.
import { installDigestFallback } from './lib/digest-fallback.ts';
import './components/cc-app/cc-app.ts';

installDigestFallback();
