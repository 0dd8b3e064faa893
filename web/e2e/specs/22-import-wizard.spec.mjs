import { journey } from '../kit.mjs';
import { importWizardJourney } from '../journeys/import-wizard.mjs';

journey('import wizard', (kit) => importWizardJourney(kit));
