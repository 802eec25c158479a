// seedrandom's alea generator alone. @types/seedrandom declares only the package's main module, which
// loads all seven of its generators and node:crypto to hand out one of them.
declare module 'seedrandom/lib/alea.js' {
  import type seedrandom from 'seedrandom';

  const alea: seedrandom['alea'];
  export default alea;
}
