/** cosec's settings (CosecConfig), for the providers that need them. */
export const COSEC_CONFIG = Symbol.for('cosec.Config');
