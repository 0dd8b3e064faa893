import { journey } from '../kit.mjs';
import { learningJourney } from '../journeys/learning.mjs';

journey('learning: read an article; an admin edits one', (kit) => learningJourney(kit));
