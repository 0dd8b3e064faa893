import { journey } from '../kit.mjs';
import { pwaJourney } from '../journeys/pwa.mjs';

journey('PWA', (kit) => pwaJourney(kit));
