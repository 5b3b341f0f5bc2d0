/**
 * The part of pdfmake 0.3's server API the kit uses. Declared here rather than taken from
 * @types/pdfmake, which pulls in a second, newer @types/node that clashes with the workspace's.
 */
declare module 'pdfmake' {
  interface CreatedPdf {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMake {
    setFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
    setUrlAccessPolicy(allow: (url: string) => boolean): void;
    setLocalAccessPolicy(allow: (path: string) => boolean): void;
    createPdf(definition: object): CreatedPdf;
  }
  const pdfmake: PdfMake;
  export = pdfmake;
}
