import { journey } from '../kit.mjs';
import { findAndBookJourney } from '../journeys/advisors.mjs';

journey('advisors: find and book', (kit) => findAndBookJourney(kit));
