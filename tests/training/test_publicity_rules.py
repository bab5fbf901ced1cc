import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.factories import PublicityActivityFactory
from training.publicity.models import ActivityPhoto, PublicityActivity
from training.publicity.photos import validate_photo

pytestmark = pytest.mark.usefixtures("english")


def image_file(kind="PNG", size=(40, 30), name="photo.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, kind)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.mark.parametrize("field", ["participants", "materials"])
def test_a_negative_count_is_refused_naming_the_field(world, field):
    activity = PublicityActivity(agency=world.township_a, title="宣传", start_date="2024-12-04", end_date="2024-12-04")
    setattr(activity, field, -1)
    with pytest.raises(ValidationError) as error:
        activity.full_clean()
    assert field in error.value.message_dict


def test_an_end_date_before_the_start_is_refused_naming_the_end_date(world):
    activity = PublicityActivity(agency=world.township_a, title="宣传", start_date="2024-12-04", end_date="2024-12-03")
    with pytest.raises(ValidationError) as error:
        activity.full_clean()
    assert error.value.message_dict["end_date"] == ["The end date cannot be before the start date."]


def test_a_real_png_is_accepted_as_a_photo(world):
    validate_photo(image_file())


def test_a_text_file_named_like_an_image_is_refused(world):
    fake = SimpleUploadedFile("photo.jpg", b"not an image at all", content_type="image/jpeg")
    with pytest.raises(ValidationError, match="not an image"):
        validate_photo(fake)


def test_a_photo_above_the_size_limit_is_refused(world, settings):
    settings.LAWGOV = {**settings.LAWGOV, "PHOTO_MAX_BYTES": 100}
    with pytest.raises(ValidationError, match="at most"):
        validate_photo(image_file(size=(200, 200)))


def test_a_photo_with_too_many_pixels_a_side_is_refused(world, settings):
    settings.LAWGOV = {**settings.LAWGOV, "PHOTO_MAX_SIDE": 100}
    with pytest.raises(ValidationError, match="pixels"):
        validate_photo(image_file(size=(101, 20)))


def test_an_image_of_a_type_not_allowed_is_refused(world):
    with pytest.raises(ValidationError, match="GIF"):
        validate_photo(image_file(kind="GIF", name="photo.gif"))


def test_a_photo_record_validates_its_upload(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    activity = PublicityActivityFactory(agency=world.township_a)
    photo = ActivityPhoto(activity=activity, image=SimpleUploadedFile("a.png", b"<svg/>"))
    with pytest.raises(ValidationError) as error:
        photo.full_clean()
    assert "image" in error.value.message_dict
    good = ActivityPhoto(activity=activity, image=image_file())
    good.full_clean()
    good.save()
    assert good.image.name.startswith("publicity/") and good.image.name.endswith(".png")
