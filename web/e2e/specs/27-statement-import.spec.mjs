import { journey } from '../kit.mjs';
import { statementImportJourney } from '../journeys/statement-import.mjs';

journey('statement import', (kit) => statementImportJourney(kit));
