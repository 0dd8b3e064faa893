import { journey } from '../kit.mjs';
import { corporateActionsJourney } from '../journeys/corporate-actions.mjs';

journey('corporate actions', (kit) => corporateActionsJourney(kit));
