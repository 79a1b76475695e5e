/** The pane's name for src/workbook/workbookFramework.ts (also used to read assessment files). */
export {
  workbookFramework,
  type FrameworkReading,
  type WorkbookFramework,
} from '../../workbook/workbookFramework';
