import pytest
from django.core.exceptions import ValidationError

from enforcement.agencies.validators import validate_id_number
from tests.factories import OfficerFactory

# A published sample number with a correct check character.
VALID = "11010519491231002X"


def test_a_number_with_the_right_check_character_is_accepted():
    validate_id_number(VALID)


def test_a_number_with_a_wrong_digit_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_id_number("110105194912310021")
    assert error.value.code == "id_number_checksum"


def test_a_number_of_the_wrong_length_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_id_number(VALID[:-1])
    assert error.value.code == "id_number_length"


def test_a_lower_case_x_is_accepted_and_stored_upper_case(world):
    officer = OfficerFactory.build(agency=world.township_a, id_number=VALID.lower())
    officer.full_clean()
    assert officer.id_number == VALID


def test_birth_date_and_sex_derive_from_the_number(world):
    officer = OfficerFactory.build(agency=world.township_a, id_number=VALID)
    assert officer.birth_date.isoformat() == "1949-12-31"
    assert officer.sex == "female"
