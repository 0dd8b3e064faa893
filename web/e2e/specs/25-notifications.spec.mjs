import { journey } from '../kit.mjs';
import { notificationsJourney } from '../journeys/notifications.mjs';

journey('notifications', (kit) => notificationsJourney(kit));
