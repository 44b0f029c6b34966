// tsconfig's `moduleResolution: node` ignores package "exports", so this points the SDK subpath at its shipped types.
declare module 'allure-js-commons/sdk/reporter' {
  export * from 'allure-js-commons/dist/types/sdk/reporter/index';
}
