/** The PKI of the harness: certificates for security profiles 2 and 3, CSR signing, CertificateHashData and OCSP answers. */
export * from './catalog';
export * from './certificates';
export * from './csr';
export * from './firmware';
export * from './hash-data';
export * from './inspect';
export * from './keys';
export * from './ocsp';
export * from './pki';
export * from './store';
export * from './verify';
