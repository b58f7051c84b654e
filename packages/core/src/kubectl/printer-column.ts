/** A column of a CustomResourceDefinition's `additionalPrinterColumns`. */
export interface PrinterColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  jsonPath: string;
  /** 0 is shown by default; higher only with `-o wide`. */
  priority: number;
}

/** What the API server shows for a custom resource without printer columns. */
export const DEFAULT_CUSTOM_COLUMNS: readonly PrinterColumn[] = [{ name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp', priority: 0 }];
