import { journey } from '../kit.mjs';
import { planPrefillJourney } from '../journeys/planPrefill.mjs';

journey('plan prefill', (kit) => planPrefillJourney(kit));
