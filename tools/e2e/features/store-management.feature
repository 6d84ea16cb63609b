Feature: Store management
  Store owners open their stores in the mall and keep their details current. Store administrators decide which
  stores take part in automated shopping: the kiosks offer only the mall's participating stores. A store that wants
  a break opts out and back in again, rather than closing and reopening.

  Scenario: A store owner opens a store
    When a store owner opens "Waldorf Books" at "Level 2, unit 14"
    Then the mall has the store "Waldorf Books" at "Level 2, unit 14"
    But "Waldorf Books" is not one of the mall's participating stores

  Scenario: A store must have a name
    When a store owner tries to open a store without a name at "Level 2, unit 15"
    Then it is refused because "the store name cannot be blank"
    And the mall has no store at "Level 2, unit 15"

  Scenario: A store must have a location
    When a store owner tries to open "Nowhere Books" without a location
    Then it is refused because "the store location cannot be blank"
    And the mall has no store called "Nowhere Books"

  Scenario: A store takes part in automated shopping
    Given the store "Nic & Naks" at "Level 1, unit 3"
    When the store administrators let "Nic & Naks" take part in automated shopping
    Then "Nic & Naks" is one of the mall's participating stores

  Scenario: A store that takes part cannot be let in twice
    Given the participating store "Nic & Naks"
    When the store administrators try to let "Nic & Naks" take part again
    Then it is refused because "the store is already participating"
    And "Nic & Naks" is one of the mall's participating stores

  Scenario: A store opts out for a while and comes back
    Given the participating store "Corner Café"
    When "Corner Café" stops taking part in automated shopping
    Then "Corner Café" is not one of the mall's participating stores
    But the mall still has the store "Corner Café"
    When the store administrators let "Corner Café" take part in automated shopping
    Then "Corner Café" is one of the mall's participating stores

  Scenario: A store that does not take part cannot opt out
    Given the store "Quiet Corner" at "Level 3, unit 1"
    When "Quiet Corner" tries to stop taking part in automated shopping
    Then it is refused because "the store is already not participating"

  Scenario: A store is rebranded
    Given the participating store "Nic & Naks"
    When "Nic & Naks" is rebranded as "Nic & Naks Emporium"
    Then the mall knows "Nic & Naks" as "Nic & Naks Emporium"
    And the participating stores show "Nic & Naks" as "Nic & Naks Emporium"

  Scenario: A rebranded store still needs a name
    Given the participating store "Nic & Naks"
    When "Nic & Naks" tries to rebrand without a name
    Then it is refused because "the store name cannot be blank"
    And the mall knows "Nic & Naks" as "Nic & Naks"
