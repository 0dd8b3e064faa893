import { journey } from '../kit.mjs';
import { planTaxesJourney } from '../journeys/planTaxes.mjs';

journey('plan taxes', (kit) => planTaxesJourney(kit));
