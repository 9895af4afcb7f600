export * from './extract/extracted-document';
export * from './embed/embedder';
