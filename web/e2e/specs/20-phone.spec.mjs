import { journey } from '../kit.mjs';
import { phoneJourney } from '../journeys/phone.mjs';

journey('phone', (kit) => phoneJourney(kit));
