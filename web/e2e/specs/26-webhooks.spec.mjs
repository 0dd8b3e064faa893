import { journey } from '../kit.mjs';
import { webhooksJourney } from '../journeys/webhooks.mjs';

journey('webhooks', (kit) => webhooksJourney(kit));
