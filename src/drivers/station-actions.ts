/** The actions a Charging Station case can ask of the station side (Part 6 manual actions), and how an operator is told to do them. */

/** Something done to a Charging Station under test. */
export type StationAction = { readonly kind: 'reboot' };

/** The operator's instruction for a station action, in plain words. */
export function describeStationAction(action: StationAction): string {
  switch (action.kind) {
    case 'reboot':
      return 'Reboot the Charging Station (power cycle it), so that it connects again and sends a BootNotification.';
  }
}
