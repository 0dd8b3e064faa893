import { journey } from '../kit.mjs';
import { advisorsDstJourney } from '../journeys/advisorsDst.mjs';

journey('advisors: verify in the admin page, book across a daylight-saving change', (kit) => advisorsDstJourney(kit));
