import { journey } from '../kit.mjs';
import { riskProfileJourney } from '../journeys/riskProfile.mjs';

journey('risk profile', (kit) => riskProfileJourney(kit));
