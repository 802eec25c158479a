/** The engine's version, carried in every manifest; kept equal to package.json's by a test. */
export const ENGINE_VERSION = '0.1.0';
